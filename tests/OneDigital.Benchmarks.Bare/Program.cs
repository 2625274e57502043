// The benchmark's yardstick: a minimal Kestrel app in its own process, sharing nothing with the site. It answers
// POST /api/graphql and GET of any path with the bytes of the file named by --body (with --content-type and, for
// bytes already compressed as the site served them, --content-encoding); the address is printed on the first line.
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var bodyPath = Arg("--body") ?? throw new ArgumentException("Usage: OneDigital.Benchmarks.Bare --body <file> [--content-type T] [--content-encoding E]");
var body = File.ReadAllBytes(bodyPath);
var contentType = Arg("--content-type") ?? "application/json; charset=utf-8";
var contentEncoding = Arg("--content-encoding");
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
var app = builder.Build();
async Task Answer(HttpContext context)
{
    context.Response.ContentType = contentType;
    if (contentEncoding is not null)
    {
        context.Response.Headers.ContentEncoding = contentEncoding;
    }
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body);
}
app.MapPost("/api/graphql", Answer);
app.MapGet("/{**path}", Answer);
await app.StartAsync();
Console.WriteLine(app.Urls.First());
await app.WaitForShutdownAsync();
