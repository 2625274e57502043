using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneDigital.Testing.Web;

/// <summary>
/// The built web host run as a real child process (<c>dotnet OneDigital.Web.dll</c>), for what an in-process host
/// cannot show: kill -9, a second process on one data folder, files deleted under a running process.
/// Its standard output and error are kept for the test's assertions and failure messages.
/// </summary>
public sealed class ChildSite : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildSite(Process process, Uri? address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri? Address { get; }

    public HttpClient Http { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process has written so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the site on a free loopback port with the store's settings and <paramref name="settings"/>.</summary>
    public static ChildSite StartSite(TestSite store, params string[] settings)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        return Start(address, [$"--urls={address}", .. store.StoreArguments, .. settings]);
    }

    /// <summary>Runs a verb (<c>import</c>...) on the store as its own process.</summary>
    public static ChildSite StartVerb(TestSite store, params string[] args) => Start(null, [.. args, .. store.StoreArguments]);

    private static ChildSite Start(Uri? address, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "OneDigital.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = new Process { StartInfo = start };
        var site = new ChildSite(process, address);
        process.OutputDataReceived += (_, e) => site.Append(e.Data);
        process.ErrorDataReceived += (_, e) => site.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return site;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for <c>/health</c> to answer 200; fails with the process's output if it exits or the deadline passes.</summary>
    public async Task WaitReadyAsync(TimeSpan deadline)
    {
        var limit = DateTime.UtcNow + deadline;
        while (true)
        {
            if (_process.HasExited) Assert.Fail($"The site exited ({_process.ExitCode}) before it was ready:\n{Output}");
            try
            {
                using var response = await Http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > limit) Assert.Fail($"The site was not ready within {deadline.TotalSeconds} s:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the process to exit on its own; fails if it has not within the deadline.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The process did not exit within {deadline.TotalSeconds} s:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; fails with the output when the deadline passes.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan deadline)
    {
        var limit = DateTime.UtcNow + deadline;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > limit) Assert.Fail($"'{text}' was not written within {deadline.TotalSeconds} s:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine or the operator kills the process.</summary>
    public async Task KillHardAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await KillHardAsync();
        _process.Dispose();
    }
}
