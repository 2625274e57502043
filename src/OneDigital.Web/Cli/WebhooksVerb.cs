using System.Globalization;
using OneDigital.Content.Webhooks;

namespace OneDigital.Web.Cli;

/// <summary><c>webhooks add|list|remove|log</c>: what was asked, read from the command line.</summary>
internal sealed record WebhooksCommand(string Action, string? Name, string? Url, string? Secret, string? Events, string? Types)
{
    public const string Usage = """
          webhooks add --name N --url U --secret S [--events published,unpublished,removed] [--types BlogPost,Event]
                                  register a partner endpoint (or replace the one with that name)
          webhooks list           the registered endpoints (secrets are not shown)
          webhooks remove --name N
                                  remove an endpoint with its deliveries and their log
          webhooks log [--name N] the latest delivery attempts, newest first
        """;

    private static readonly string[] Options = ["name", "url", "secret", "events", "types"];

    /// <exception cref="CliUsageException">The action is unknown or its options are wrong.</exception>
    public static CliArguments Parse(List<string> rest)
    {
        var action = rest.Count > 0 && !rest[0].StartsWith('-') ? rest[0].ToLowerInvariant() : "";
        if (action is not ("add" or "list" or "remove" or "log"))
        {
            throw new CliUsageException("webhooks needs an action: add, list, remove or log.");
        }
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var configuration = new List<string>();
        for (var i = 1; i < rest.Count; i++)
        {
            var arg = rest[i];
            var option = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..].Split('=', 2) : null;
            if (option is null || !Options.Contains(option[0], StringComparer.OrdinalIgnoreCase))
            {
                configuration.Add(arg);
                continue;
            }
            values[option[0]] = option.Length == 2 ? option[1]
                : i + 1 < rest.Count && !rest[i + 1].StartsWith("--", StringComparison.Ordinal) ? rest[++i]
                : throw new CliUsageException($"--{option[0]} needs a value.");
        }
        string? Value(string key) => values.GetValueOrDefault(key);
        var required = action switch { "add" => new[] { "name", "url", "secret" }, "remove" => ["name"], _ => [] };
        foreach (var key in required.Where(k => string.IsNullOrWhiteSpace(Value(k))))
        {
            throw new CliUsageException($"webhooks {action} needs --{key}.");
        }
        var command = new WebhooksCommand(action, Value("name"), Value("url"), Value("secret"), Value("events"), Value("types"));
        return new CliArguments("webhooks", null, null, [.. configuration]) { Webhooks = command };
    }
}

internal static class WebhooksVerb
{
    public static async Task RunAsync(IServiceProvider services, WebhooksCommand command, HostConsole console, CancellationToken ct)
    {
        var endpoints = services.GetRequiredService<WebhookEndpoints>();
        switch (command.Action)
        {
            case "add":
                var registration = new WebhookRegistration
                {
                    Name = command.Name!,
                    Url = command.Url!,
                    Secret = command.Secret!,
                    Events = ParseEvents(command.Events),
                    ContentTypes = command.Types is null ? [] : [.. command.Types.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
                };
                var added = await endpoints.SaveAsync(registration, ct);
                await console.Out.WriteLineAsync($"{(added ? "Added" : "Replaced")} the webhook '{registration.Name.Trim()}': {Describe(registration.Events, registration.ContentTypes)} to {registration.Url.Trim()}");
                break;
            case "list":
                var list = await endpoints.ListAsync(ct);
                if (list.Count == 0)
                {
                    await console.Out.WriteLineAsync("No webhooks are registered.");
                }
                foreach (var endpoint in list)
                {
                    await console.Out.WriteLineAsync($"{endpoint.Name}\t{(endpoint.Enabled ? "enabled" : "disabled")}\t{endpoint.Url}\t{Describe(endpoint.Events, endpoint.ContentTypeList)}");
                }
                break;
            case "remove":
                if (!await endpoints.RemoveAsync(command.Name!, ct))
                {
                    throw new InvalidOperationException($"No webhook is named '{command.Name}'.");
                }
                await console.Out.WriteLineAsync($"Removed the webhook '{command.Name}'.");
                break;
            case "log":
                var entries = await endpoints.RecentAttemptsAsync(command.Name, 50, ct);
                if (entries.Count == 0)
                {
                    await console.Out.WriteLineAsync("No delivery attempts yet.");
                }
                foreach (var e in entries)
                {
                    var outcome = e.StatusCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : "-";
                    await console.Out.WriteLineAsync(string.Join('\t',
                        e.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture), e.Endpoint, e.Event, e.ContentItemId,
                        $"attempt {e.Attempt}", outcome, $"{e.DurationMs} ms", e.DeliveryStatus.ToString().ToLowerInvariant(), e.Error ?? ""));
                }
                break;
        }
    }

    private static WebhookEvents ParseEvents(string? text)
    {
        if (text is null) return WebhookEvents.All;
        var events = WebhookEvents.None;
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            events |= WebhookEventNames.TryParse(name, out var change)
                ? change
                : throw new WebhookValidationException("Events", $"'{name}' is not an event; use published, unpublished or removed.");
        }
        return events;
    }

    private static string Describe(WebhookEvents events, IReadOnlyList<string> types) =>
        $"{WebhookEventNames.Describe(events)} of {(types.Count == 0 ? "every type" : string.Join(", ", types))}";
}
