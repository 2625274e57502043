using System.Text;
using OneDigital.Web;

namespace OneDigital.Testing.Web;

/// <summary>A console whose output the test reads: text written and bytes streamed to standard output alike.</summary>
public sealed class CapturedConsole
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly List<MemoryStream> _streams = [];

    public CapturedConsole()
    {
        Host = new HostConsole(TextWriter.Synchronized(_out), TextWriter.Synchronized(_error), () =>
        {
            var stream = new MemoryStream();
            lock (_streams) _streams.Add(stream);
            return stream;
        });
    }

    public HostConsole Host { get; }

    public string Out
    {
        get
        {
            lock (_streams)
            {
                return _out + string.Concat(_streams.Select(s => Encoding.UTF8.GetString(s.ToArray())));
            }
        }
    }

    public string Error => _error.ToString();
}
