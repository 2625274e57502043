using System.Text;

namespace OneDigital.Benchmarks.Seeding;

/// <summary>
/// Plausible text for seeded items, built from word lists about digital inclusion work. Titles are unique per
/// index (a mixed-radix walk over the lists), so generated paths never collide; everything else is drawn from a
/// seeded random generator, so two runs write the same content.
/// </summary>
public sealed class SampleText(int seed = 42)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Verbs =
    [
        "Supporting", "Helping", "Training", "Welcoming", "Reaching", "Engaging", "Encouraging", "Inspiring", "Equipping",
        "Connecting", "Mentoring", "Coaching", "Guiding", "Empowering", "Including", "Involving", "Listening to",
        "Working with", "Learning from", "Celebrating",
    ];

    private static readonly string[] Audiences =
    [
        "older people", "carers", "young people", "job seekers", "refugees", "social housing tenants", "volunteers",
        "disabled people", "small charities", "community groups", "families", "veterans", "people in recovery",
        "library users", "parents", "rural communities", "care home residents", "people on low incomes",
        "people with learning disabilities", "new arrivals", "people leaving prison", "lone parents", "students",
        "people with sight loss", "people living alone",
    ];

    private static readonly string[] Activities =
    [
        "to get online", "with online banking", "with video calls", "to book appointments online",
        "with Universal Credit", "to stay safe online", "with email", "to shop online", "with NHS services online",
        "to find work online", "with smartphones", "with tablets", "to keep in touch with family", "to learn new skills",
        "with online forms", "to save money online", "with digital photos", "to use public Wi-Fi safely",
        "to join online groups", "with council services", "to manage their health online", "to pay bills online",
        "with accessibility settings", "to spot scams", "to build confidence online",
    ];

    private static readonly string[] Places =
    [
        "Aberdeen", "Bangor", "Belfast", "Birmingham", "Bradford", "Brighton", "Bristol", "Cambridge", "Cardiff",
        "Carlisle", "Derry", "Dundee", "Durham", "Edinburgh", "Exeter", "Glasgow", "Hull", "Inverness", "Ipswich",
        "Leeds", "Leicester", "Lincoln", "Liverpool", "London", "Manchester", "Newcastle", "Newport", "Norwich",
        "Nottingham", "Oxford", "Perth", "Plymouth", "Preston", "Sheffield", "Southampton", "Stirling", "Sunderland",
        "Swansea", "Wrexham", "York",
    ];

    private static readonly string[] OrganisationKinds =
    [
        "Community Trust", "Housing Association", "Library Service", "Age Concern", "Citizens Advice", "Carers Centre",
        "Volunteer Centre", "Community College", "Foundation", "Family Hub",
    ];

    private static readonly string[] FirstNames =
    [
        "Aisha", "Ben", "Catrin", "Declan", "Eilidh", "Fatima", "Gareth", "Hannah", "Imran", "Joanne", "Kieran", "Lowri",
        "Mohammed", "Niamh", "Owen", "Priya", "Rhys", "Siobhan", "Tom", "Zainab",
    ];

    private static readonly string[] LastNames =
    [
        "Ahmed", "Brown", "Campbell", "Davies", "Evans", "Fraser", "Griffiths", "Hughes", "Jones", "Kaur", "MacDonald",
        "Murphy", "O'Neill", "Patel", "Roberts", "Smith", "Stewart", "Thomas", "Walsh", "Williams",
    ];

    private static readonly string[] Openings =
    [
        "Our Digital Champions", "The project team", "Volunteers at the centre", "Staff across the partnership",
        "Learners who came along", "Local partners", "The Digital Champions network", "Front-line workers",
    ];

    private static readonly string[] Actions =
    [
        "spent time one to one with learners", "ran drop-in sessions every week", "met people where they already were",
        "adapted sessions to each person's goals", "shared what worked at the learning set",
        "worked alongside housing and advice staff", "used everyday tasks as a starting point",
        "kept sessions short and practical", "followed up with learners after a month",
    ];

    private static readonly string[] Outcomes =
    [
        "and people grew in confidence quickly.", "and several learners went on to help others.",
        "which made it easier to keep people coming back.", "and we saw fewer missed appointments.",
        "and learners told us they felt less isolated.", "which helped staff spot needs earlier.",
        "and the approach has now been taken up by other teams.", "which changed how the service is delivered.",
    ];

    private static readonly string[] Reflections =
    [
        "The biggest lesson was to start from what matters to the person, not from the technology.",
        "Trust took time to build, and consistency mattered more than equipment.",
        "Partners found that embedding digital support in existing services reached more people.",
        "Short, regular sessions worked better than long courses for most learners.",
        "Recording outcomes simply helped us understand the difference the project made.",
        "Champions valued the chance to share challenges and solutions with their peers.",
    ];

    /// <summary>How many distinct titles there are; more than any run seeds.</summary>
    public static long TitleSpace => (long)Verbs.Length * Audiences.Length * Activities.Length * Places.Length;

    /// <summary>A title that no other index gives (for indexes below <see cref="TitleSpace"/>).</summary>
    public static string Title(long index)
    {
        // Multiplying by a number coprime to the space visits every combination once, and spreads neighbours apart.
        var n = (index * 7919) % TitleSpace;
        var verb = Verbs[n % Verbs.Length]; n /= Verbs.Length;
        var audience = Audiences[n % Audiences.Length]; n /= Audiences.Length;
        var activity = Activities[n % Activities.Length]; n /= Activities.Length;
        var place = Places[n % Places.Length];
        return $"{verb} {audience} {activity} in {place}";
    }

    public string Place() => Pick(Places);

    public string Organisation() => $"{Pick(Places)} {Pick(OrganisationKinds)}";

    public string PersonName() => $"{Pick(FirstNames)} {Pick(LastNames)}";

    public string Sentence() => $"{Pick(Openings)} {Pick(Actions)}, {Pick(Outcomes)}";

    public string Summary() => $"{Sentence()} {Pick(Reflections)}";

    public string Quote() => $"\u201c{Pick(Reflections)}\u201d";

    /// <summary>A Markdown body of a few paragraphs, sometimes with a heading and a list.</summary>
    public string Markdown()
    {
        var text = new StringBuilder();
        var paragraphs = _random.Next(3, 6);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p == 2)
            {
                text.Append("## What we learned\n\n");
                text.Append("- ").Append(Pick(Reflections)).Append('\n');
                text.Append("- ").Append(Pick(Reflections)).Append("\n\n");
            }
            var sentences = _random.Next(3, 6);
            for (var s = 0; s < sentences; s++)
            {
                text.Append(s == 0 ? "" : " ").Append(s % 2 == 0 ? Sentence() : Pick(Reflections));
            }
            text.Append("\n\n");
        }
        return text.ToString().TrimEnd();
    }

    public int Next(int max) => _random.Next(max);

    public int Next(int min, int max) => _random.Next(min, max);

    public double NextDouble() => _random.NextDouble();

    public T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
}
