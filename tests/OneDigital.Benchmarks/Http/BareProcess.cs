using System.Diagnostics;

namespace OneDigital.Benchmarks.Http;

/// <summary>
/// The bare Kestrel yardstick (tests/OneDigital.Benchmarks.Bare) as a child process answering the given bytes, so it
/// shares no thread pool, GC or JIT with the site measured beside it.
/// </summary>
public sealed class BareProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _bodyFile;

    private BareProcess(Process process, string bodyFile, Uri address)
    {
        _process = process;
        _bodyFile = bodyFile;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BareProcess> StartAsync(byte[] body, CancellationToken ct, string? contentType = null, string? contentEncoding = null)
    {
        var bodyFile = Path.Combine(Path.GetTempPath(), $"onedigital-bare-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(bodyFile, body, ct);
        var dll = Path.Combine(AppContext.BaseDirectory, "OneDigital.Benchmarks.Bare.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--body");
        start.ArgumentList.Add(bodyFile);
        if (contentType is not null)
        {
            start.ArgumentList.Add("--content-type");
            start.ArgumentList.Add(contentType);
        }
        if (contentEncoding is not null)
        {
            start.ArgumentList.Add("--content-encoding");
            start.ArgumentList.Add(contentEncoding);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start.");
        var line = await process.StandardOutput.ReadLineAsync(ct)
            ?? throw new InvalidOperationException("The bare endpoint exited before printing its address.");
        return new BareProcess(process, bodyFile, new Uri(line.Trim()));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        File.Delete(_bodyFile);
    }
}
