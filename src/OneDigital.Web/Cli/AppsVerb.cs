using OneDigital.Content.Partners;
using OneDigital.Web.Auth;

namespace OneDigital.Web.Cli;

/// <summary>
/// <c>apps add --client-id X --client-secret Y --roles R[,R] [--display-name N]</c>, <c>apps list</c> and
/// <c>apps remove --client-id X</c>: partner applications that get tokens at <c>/connect/token</c> (client credentials).
/// </summary>
internal sealed record AppsCommand(string Action, string? ClientId, string? ClientSecret, IReadOnlyList<string> Roles, string? DisplayName)
{
    public const string Usage = """
          apps add --client-id <id> --client-secret <secret> --roles <role>[,<role>] [--display-name <name>]
                                  register (or update) a partner application for the client-credentials flow;
                                  its tokens carry the permissions of the roles, which must exist;
                                  the secret needs at least 16 characters, of at least 8 different ones;
                                  a new secret ends the tokens issued under the old one
          apps list               list the registered applications and their roles
          apps remove --client-id <id>
                                  remove an application (its tokens are refused from then on)
        """;

    private static readonly string[] Options = ["--client-id", "--client-secret", "--roles", "--display-name"];

    /// <summary>The apps command, and the arguments left over, which are configuration.</summary>
    /// <exception cref="CliUsageException">The action or an option is missing or wrong.</exception>
    public static (AppsCommand Command, string[] Configuration) Parse(IReadOnlyList<string> args)
    {
        var action = args.Count > 0 ? args[0].ToLowerInvariant() : "";
        if (action is not ("add" or "list" or "remove"))
        {
            throw new CliUsageException("apps needs an action: apps add|list|remove ...");
        }
        var values = new Dictionary<string, string>();
        var configuration = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            if (!Options.Contains(name))
            {
                configuration.Add(args[i]);
                continue;
            }
            values[name] = inline
                ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : throw new CliUsageException($"{name} needs a value."));
        }

        string Required(string name) =>
            values.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value : throw new CliUsageException($"apps {action} needs {name}.");
        var command = action switch
        {
            "add" => new AppsCommand(action, Required("--client-id"), Required("--client-secret"),
                Required("--roles").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                values.GetValueOrDefault("--display-name")),
            "remove" => new AppsCommand(action, Required("--client-id"), null, [], null),
            _ => new AppsCommand(action, null, null, [], null),
        };
        return (command, [.. configuration]);
    }
}

internal static class AppsVerb
{
    public static async Task RunAsync(IServiceProvider services, AppsCommand command, HostConsole console, CancellationToken ct)
    {
        var applications = services.GetRequiredService<OpenIdApplications>();
        switch (command.Action)
        {
            case "add":
                var created = await applications.SaveAsync(new OpenIdApplicationRegistration(
                    command.ClientId!, command.DisplayName, "Confidential", command.ClientSecret, AllowClientCredentialsFlow: true, command.Roles), ct);
                await console.Out.WriteLineAsync($"{(created ? "Registered" : "Updated")} the application '{command.ClientId}' with the roles {string.Join(", ", command.Roles)}.");
                break;
            case "remove":
                if (!await applications.RemoveAsync(command.ClientId!, ct))
                {
                    throw new OpenIdApplicationException("ClientId", $"There is no application '{command.ClientId}'.");
                }
                await console.Out.WriteLineAsync($"Removed the application '{command.ClientId}'.");
                break;
            default:
                foreach (var app in await applications.ListAsync(ct))
                {
                    await console.Out.WriteLineAsync(
                        $"{app.ClientId}\t{app.DisplayName}\t{app.Type}\troles: {string.Join(",", app.Roles)}{(app.AllowClientCredentialsFlow ? "" : "\t(no client credentials)")}");
                }
                break;
        }
    }
}
