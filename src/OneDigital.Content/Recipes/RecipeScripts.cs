using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Jint;
using Jint.Runtime;
using Microsoft.Extensions.Configuration;
using OneDigital.Content.Items;
using OneDigital.Content.Recipes.Confinement;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes;

/// <summary>
/// Evaluates Orchard's recipe expressions in string values: <c>[js: ...]</c> through Jint, with uuid, variables,
/// parameters, configuration, base64, html and gzip; and <c>[file:text('...')]</c> relative to the recipe.
/// As in Orchard, results are strings and are evaluated again while they are themselves expressions.
/// Confined by <see cref="RecipeLimits"/>: files only inside the recipe's folder, configuration only from the
/// allow-list, and no string (from a script, a file, base64 or gzip) longer than the limit.
/// </summary>
public sealed class RecipeScripts
{
    private readonly RecipeExecution _execution;
    private readonly IConfiguration _configuration;
    private readonly RecipeLimits _limits;
    private readonly ConfigurationGuard _guard;
    private readonly Engine _engine;
    private readonly HashSet<string> _evaluatingVariables = new(StringComparer.Ordinal);

    public RecipeScripts(RecipeExecution execution, IConfiguration configuration)
    {
        _execution = execution;
        _configuration = configuration;
        _limits = execution.Limits;
        _guard = new ConfigurationGuard(_limits.AllowedConfigurationKeys);
        _engine = new Engine(o =>
        {
            o.TimeoutInterval(TimeSpan.FromSeconds(10)).LimitMemory(64_000_000).LimitRecursion(256).Strict();
            o.Constraints.MaxArraySize = 1_000_000;
        });
        _engine.SetValue("uuid", new Func<string>(IdGenerator.NewId));
        _engine.SetValue("variables", new Func<string, string>(Variable));
        _engine.SetValue("parameters", new Func<string, string>(name => execution.Parameters.Get(name) ?? ""));
        _engine.SetValue("configuration", new Func<string, object?, object?>(Configuration));
        _engine.SetValue("base64", new Func<string, string>(Base64));
        _engine.SetValue("html", new Func<string, string>(WebUtility.HtmlDecode));
        _engine.SetValue("gzip", new Func<string, string>(Gunzip));
        _engine.SetValue("getUrlPrefix", new Func<string?, object?, string>(UrlPrefix));
        // Orchard's token lets an HTTP request resume a workflow; this CMS runs no workflows, so no token could work.
        _engine.SetValue("createWorkflowToken", new Func<object?, object?, object?, string>((_, _, _) =>
            throw new MissingHelperException("createWorkflowToken", "this CMS runs no workflows, so it cannot make a workflow token")));
        StringGrowthGuard.Install(_engine, _limits.MaxValueLength);
    }

    /// <summary>Evaluates every string value of the tree in place. Throws <see cref="ScriptException"/> with the JSON path.</summary>
    public void EvaluateTree(JsonNode? node, string path) => Walk(node, new StringBuilder(path));

    // The path is built in one buffer and made a string only for an expression: most values of an imported item are
    // plain, and a string per visited value was most of what walking an item cost.
    private void Walk(JsonNode? node, StringBuilder path)
    {
        var length = path.Length;
        switch (node)
        {
            case JsonObject obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, value) = obj.GetAt(i);
                    path.Append('.').Append(key);
                    if (value is JsonValue v && v.TryGetValue(out string? s))
                    {
                        if (IsExpression(s)) obj.SetAt(i, Evaluate(s, path.ToString()));
                    }
                    else
                    {
                        Walk(value, path);
                    }
                    path.Length = length;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    path.Append('[').Append(i).Append(']');
                    if (array[i] is JsonValue v && v.TryGetValue(out string? s))
                    {
                        if (IsExpression(s)) array[i] = Evaluate(s, path.ToString());
                    }
                    else
                    {
                        Walk(array[i], path);
                    }
                    path.Length = length;
                }
                break;
        }
    }

    public static bool IsExpression(string value)
    {
        if (value.Length < 3 || value[0] != '[' || value[^1] != ']')
        {
            return false;
        }
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 1 && value.AsSpan(1, colon - 1).ToString().All(char.IsLetter);
    }

    public string Evaluate(string value, string path)
    {
        var depth = 0;
        while (IsExpression(value))
        {
            if (++depth > 20)
            {
                throw new ScriptException(path, "the expression keeps producing expressions (more than 20 levels).");
            }
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var prefix = value[1..colon].Trim();
            var script = value[(colon + 1)..^1];
            try
            {
                value = prefix.ToLowerInvariant() switch
                {
                    "js" => RunJavaScript(script, path),
                    "file" => RunFile(script, path),
                    _ => throw new ScriptException(path, $"unknown expression prefix '{prefix}:' (known: js, file)."),
                };
            }
            catch (MissingHelperException ex)
            {
                // Kept as written, so an export gives Orchard the expression to evaluate; the rest of the recipe goes on.
                _execution.Report.Warn($"{path}: {ex.Message}; the value is kept as the expression '{value}'.");
                return value;
            }
            if (value.Length > _limits.MaxValueLength)
            {
                throw new ScriptException(path, $"the expression produced {value.Length} characters, more than OneDigital:Recipes:MaxValueLength ({_limits.MaxValueLength}).");
            }
        }
        return value;
    }

    private string RunJavaScript(string script, string path)
    {
        try
        {
            var result = _engine.Evaluate(script);
            return result.IsNull() || result.IsUndefined() ? "" : result.ToObject()?.ToString() ?? "";
        }
        catch (ScriptException)
        {
            throw;
        }
        catch (MissingHelperException)
        {
            throw;
        }
        catch (JavaScriptException ex) when (ex.Error.IsObject() && ex.Error.AsObject().Get("name").ToString() == "ReferenceError")
        {
            // A helper of a module this CMS lacks (or any name the script cannot resolve) leaves the value unevaluated.
            throw new MissingHelperException(null, $"the expression '[js:{script}]' calls something this CMS does not provide ({ex.Message})");
        }
        catch (Exception ex)
        {
            throw new ScriptException(path, $"the expression '[js:{script}]' failed: {ex.Message}", ex);
        }
    }

    /// <summary>Orchard's <c>getUrlPrefix(path)</c>: the path under the site's URL prefix, starting with '/'.</summary>
    private string UrlPrefix(string? path, object? escaped)
    {
        var prefix = (_configuration["OneDigital:Recipes:UrlPrefix"] ?? "").Trim(' ', '/');
        var rest = (path ?? "").Trim(' ', '/');
        var joined = prefix.Length == 0 ? rest : rest.Length == 0 ? prefix : $"{prefix}/{rest}";
        var url = "/" + joined;
        return escaped is true ? string.Join('/', url.Split('/').Select(Uri.EscapeDataString)) : url;
    }

    private string RunFile(string script, string path)
    {
        // Orchard's file scripting offers text('relative/path'); a missing file is a warning, not a failure.
        var match = System.Text.RegularExpressions.Regex.Match(script.Trim(), @"^text\(\s*['""](?<p>[^'""]+)['""]\s*\)$");
        if (!match.Success)
        {
            throw new ScriptException(path, $"'[file:{script}]' is not supported; use [file:text('relative/path')].");
        }
        var relative = match.Groups["p"].Value;
        try
        {
            var full = RecipeFiles.Resolve(_execution.Recipe.BasePath, relative);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                _execution.Report.Warn($"{path}: the file '{relative}' referenced by the recipe does not exist; the value is left empty.");
                return "";
            }
            return RecipeFiles.ReadText(full, relative, _limits.MaxFileBytes);
        }
        catch (RecipeFileException ex)
        {
            throw new ScriptException(path, $"[file:text('{relative}')] is refused: {ex.Message}", ex);
        }
    }

    private object? Configuration(string key, object? fallback)
    {
        if (_guard.Refusal(key) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }
        return _configuration[key] ?? fallback;
    }

    private string Base64(string text)
    {
        var bytes = Convert.FromBase64String(text);
        return bytes.Length > _limits.MaxValueLength
            ? throw new InvalidOperationException($"base64() would produce more than OneDigital:Recipes:MaxValueLength ({_limits.MaxValueLength} characters).")
            : Encoding.UTF8.GetString(bytes);
    }

    private string Variable(string name)
    {
        var value = _execution.Variables[name];
        if (value is null && !_execution.Variables.ContainsKey(name))
        {
            throw new InvalidOperationException($"The variable '{name}' was used in the recipe but not defined.");
        }
        var text = value is JsonValue v && v.TryGetValue(out string? s) ? s : value?.ToJsonString() ?? "";
        if (IsExpression(text))
        {
            if (!_evaluatingVariables.Add(name))
            {
                throw new InvalidOperationException($"The variable '{name}' refers to itself.");
            }
            text = Evaluate(text, $"variables.{name}");
            _evaluatingVariables.Remove(name);
            _execution.Variables[name] = text;
        }
        return text;
    }

    // Decompressed in pieces and stopped at the limit: a few bytes of gzip can expand to gigabytes.
    private string Gunzip(string base64)
    {
        using var input = new MemoryStream(Convert.FromBase64String(base64));
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + read > _limits.MaxValueLength)
            {
                throw new InvalidOperationException($"gzip() would produce more than OneDigital:Recipes:MaxValueLength ({_limits.MaxValueLength} characters).");
            }
            text.Append(buffer, 0, read);
        }
        return text.ToString();
    }
}

/// <summary>A script called a helper this CMS does not provide: a warning, not a failure.</summary>
public sealed class MissingHelperException(string? helper, string reason)
    : Exception(helper is null ? reason : $"{helper}() is not available: {reason}");

public sealed class ScriptException(string path, string message, Exception? inner = null) : Exception(message, inner)
{
    public string JsonPath { get; } = path;
}
