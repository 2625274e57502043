namespace OneDigital.Web;

/// <summary>
/// Where the host prints what a person must read (a generated password, a recipe report, an export), apart from
/// logging; tests pass their own writers to read it.
/// </summary>
public sealed class HostConsole(TextWriter output, TextWriter error, Func<Stream> openStandardOutput)
{
    public static HostConsole System { get; } = new(Console.Out, Console.Error, Console.OpenStandardOutput);

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Standard output as a byte stream, for output too large to build in memory (an export).</summary>
    public Stream OpenStandardOutput()
    {
        Out.Flush();
        return openStandardOutput();
    }
}
