// The benchmark's yardstick: a minimal Kestrel app in its own process, sharing nothing with the site. One MapPost
// answers /api/graphql with the bytes of the file named by --body; the address is printed on the first line.
var bodyPath = args.SkipWhile(a => a != "--body").Skip(1).FirstOrDefault()
    ?? throw new ArgumentException("Usage: OneDigital.Benchmarks.Bare --body <file>");
var body = File.ReadAllBytes(bodyPath);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
var app = builder.Build();
app.MapPost("/api/graphql", async context =>
{
    context.Response.ContentType = "application/json; charset=utf-8";
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body);
});
await app.StartAsync();
Console.WriteLine(app.Urls.First());
await app.WaitForShutdownAsync();
