using System.Security.Claims;
using GraphQL;
using GraphQL.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Changes;
using OneDigital.Content.Preview;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.GraphQL.Caching;
using OneDigital.GraphQL.Limits;

namespace OneDigital.GraphQL.Endpoint;

/// <summary>
/// <c>/api/graphql</c>: reads the request, checks <c>ExecuteGraphQL</c>, answers anonymous reads of published content
/// from the response cache (with an ETag, and 304 to <c>If-None-Match</c>), executes the rest under the limits.
/// A query text seen before with the same schema is neither parsed nor validated again (<see cref="GraphQLDocumentCache"/>),
/// and Apollo's automatic persisted queries are accepted (<see cref="PersistedQueries"/>).
/// Status codes as Orchard's: 200 without errors, 401 for a permission error, 400 for any other error; a client that
/// asks for <c>application/graphql-response+json</c> gets that media type's codes (<see cref="ResponseMediaType"/>).
/// Each execution runs within <see cref="GraphQLLimits.ExecutionTimeout"/> and stops when the client goes away.
/// </summary>
public sealed class GraphQLEndpointHandler(
    IDocumentExecuter executer,
    IGraphQLTextSerializer serializer,
    GraphQLLimits limits,
    IReadOnlyList<IValidationRule> validationRules,
    IReadOnlyList<IValidationRule> cachedDocumentRules,
    GraphQLCacheOptions cacheOptions,
    GraphQLResponseCache cache,
    GraphQLDocumentCache documents,
    PersistedQueries persistedQueries,
    IContentChangeStamp changeStamp,
    StoreOptions storeOptions,
    IGraphQLSchemaSource schemas,
    IAuthenticationSchemeProvider? authenticationSchemes)
{
    /// <summary>Orchard's code for a permission error (RequiresPermissionValidationRule.ErrorCode); the response is a 401.</summary>
    public const string UnauthorizedErrorCode = "Unauthorized";

    /// <summary>The authentication scheme of partner applications' bearer tokens.</summary>
    public const string ApiScheme = "Api";

    /// <summary>Answers one request; <paramref name="permissions"/> is the request's own (a scoped service).</summary>
    public async Task HandleAsync(HttpContext http, PermissionService permissions)
    {
        var ct = http.RequestAborted;
        var graphQLResponse = ResponseMediaType.WantsGraphQLResponse(http.Request);
        var read = await GraphQLRequestReader.ReadAsync(http, serializer, limits);
        if (read.Request is not { } request)
        {
            await WriteErrorAsync(http, read.Status, read.Error!, anonymous: true, graphQLResponse);
            return;
        }

        if (await AuthenticateAsync(http) is not { } caller)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, "The bearer token is not valid (expired, or not issued by this site).", anonymous: true, graphQLResponse, UnauthorizedErrorCode);
            return;
        }
        var anonymous = !caller.Identities.Any(i => i.IsAuthenticated);
        if (!await permissions.IsGrantedAsync(caller, Permissions.ExecuteGraphQL, ct: ct))
        {
            if (await HasApiSchemeAsync())
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
            }
            await WriteErrorAsync(http, StatusCodes.Status401Unauthorized,
                $"The caller does not hold the {Permissions.ExecuteGraphQL.Name} permission.", anonymous, graphQLResponse, UnauthorizedErrorCode);
            return;
        }

        var persisted = persistedQueries.Resolve(request.Query, request.Extensions);
        if (persisted.Query is not { } queryText)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, persisted.Error!, anonymous, graphQLResponse, persisted.Code);
            return;
        }

        // The content schema is rebuilt when the definitions change; the source hands out the current one.
        var schema = await schemas.GetSchemaAsync(ct);
        var parsed = documents.Get(queryText, request.OperationName, schema);
        var validated = parsed is not null;
        if (parsed is null)
        {
            var (document, text, parseError) = DocumentParser.Parse(queryText);
            if (document is null)
            {
                await WriteAsync(http, StatusCodes.Status400BadRequest, Serialize(new ExecutionResult { Errors = [parseError!] }), anonymous, graphQLResponse);
                return;
            }
            parsed = new ParsedQuery(document, text, cacheOptions.Enabled ? cache.Analyze(text) : null);
        }
        // Looked up only when one is sent: the cached anonymous path costs no store query.
        var previewToken = PreviewToken(http.Request);
        var previewItemId = previewToken is null ? null
            : await http.RequestServices.GetRequiredService<PreviewTokens>().ValidateAsync(previewToken, ct);
        GraphQLResponseCache.ResponseKey? cacheKey = null;
        if (anonymous && previewToken is null && parsed.Shareable is { } query && query.IsShareable(request.Variables))
        {
            var variablesJson = request.Variables is null ? "" : serializer.Serialize(request.Variables);
            // The stamp is read before executing: a change committed meanwhile leaves this answer under an old key.
            cacheKey = GraphQLResponseCache.Key(query.Normalized, variablesJson, request.OperationName, schema, await changeStamp.GetAsync(ct));
            if (cache.Get(cacheKey) is { } cached)
            {
                await WriteSharedAsync(http, cacheKey, cached, graphQLResponse);
                return;
            }
        }

        // The budget and the client's connection both end the execution: resolvers and store queries see this token.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (limits.ExecutionTimeout > TimeSpan.Zero)
        {
            budget.CancelAfter(limits.ExecutionTimeout);
        }
        var options = new ExecutionOptions
        {
            Schema = schema,
            Query = parsed.Text,
            Document = parsed.Document,
            Variables = request.Variables,
            OperationName = request.OperationName,
            Extensions = request.Extensions,
            ValidationRules = validated ? cachedDocumentRules : validationRules,
            CancellationToken = budget.Token,
        };
        ContentGraphQL.ConfigureExecution(options, http.RequestServices, caller).PreviewContentItemId = previewItemId;
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(options);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            result = new ExecutionResult();
        }
        if (!validated && result.Executed)
        {
            // Executed means it passed validation: the next request with this text skips parsing and validating.
            documents.Set(queryText, request.OperationName, schema, parsed);
        }
        if (budget.IsCancellationRequested)
        {
            if (ct.IsCancellationRequested)
            {
                // The client went away: nobody is left to answer.
                return;
            }
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest,
                $"The query ran longer than {limits.ExecutionTimeout.TotalSeconds:0.###} s and was stopped; {LimitError.Describe(nameof(GraphQLLimits.ExecutionTimeout), limits.ExecutionTimeout)}.",
                anonymous, graphQLResponse, LimitError.Code);
            return;
        }
        StoreErrors.Hide(result);
        if (StoreErrors.Unavailable(result, storeOptions.BusyTimeout) is { } unavailable)
        {
            // The site's problem, not the query's: 503 as every other endpoint answers it, with when to come back.
            if (unavailable.RetryAfterHeader is { } retry)
            {
                http.Response.Headers.RetryAfter = retry;
            }
            await WriteErrorAsync(http, StatusCodes.Status503ServiceUnavailable, unavailable.Message, anonymous, graphQLResponse, StoreErrors.Code);
            return;
        }
        var bytes = Serialize(result);
        if (result.Errors is not { Count: > 0 } errors)
        {
            if (cacheKey is not null)
            {
                var response = CachedResponse.For(bytes);
                cache.Set(cacheKey, response);
                await WriteSharedAsync(http, cacheKey, response, graphQLResponse);
                return;
            }
            await WriteAsync(http, StatusCodes.Status200OK, bytes, anonymous, graphQLResponse);
            return;
        }
        var status = errors.Any(e => e.Code == UnauthorizedErrorCode) ? StatusCodes.Status401Unauthorized
            // GraphQL over HTTP: once execution started the answer is 200, its errors beside the data.
            : graphQLResponse && result.Executed ? StatusCodes.Status200OK
            : StatusCodes.Status400BadRequest;
        await WriteAsync(http, status, bytes, anonymous, graphQLResponse);
    }

    /// <summary>The header partner sites send a preview token in.</summary>
    public const string PreviewTokenHeader = "X-Preview-Token";

    /// <summary>The query-string parameter a preview link carries its token in.</summary>
    public const string PreviewTokenParameter = "previewToken";

    private static string? PreviewToken(HttpRequest request) =>
        request.Headers[PreviewTokenHeader].FirstOrDefault(t => !string.IsNullOrEmpty(t))
        ?? request.Query[PreviewTokenParameter].FirstOrDefault(t => !string.IsNullOrEmpty(t));

    private byte[] Serialize(ExecutionResult result) => System.Text.Encoding.UTF8.GetBytes(serializer.Serialize(result));

    /// <summary>
    /// The "Api" scheme's principal when it is registered and accepts the request, else the request's user; null when
    /// a credential was sent but refused, which Orchard answers with 401 rather than serving the caller as anonymous.
    /// </summary>
    private async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext http)
    {
        // No credential sent, nothing to check: the scheme would only answer "no result" (a cost on every cache hit).
        if (!http.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return http.User;
        }
        if (await HasApiSchemeAsync())
        {
            var result = await http.AuthenticateAsync(ApiScheme);
            if (result.Succeeded && result.Principal is { } principal)
            {
                http.User = principal;
            }
            else if (result.Failure is not null)
            {
                return null;
            }
        }
        return http.User;
    }

    /// <summary>Whether partner tokens are accepted: a host without authentication (some tests) has no provider.</summary>
    private async Task<bool> HasApiSchemeAsync() =>
        authenticationSchemes is not null && await authenticationSchemes.GetSchemeAsync(ApiScheme) is not null;

    private Task WriteSharedAsync(HttpContext http, GraphQLResponseCache.ResponseKey key, CachedResponse response, bool graphQLResponse)
    {
        // Kept for the exact request too, so its next repeat is answered before the pipeline (GraphQLFrontCache).
        http.Features.Get<GraphQLFrontCache.Miss>()?.Keep(key, response, graphQLResponse);
        return SharedAnswer.WriteAsync(http, response, graphQLResponse, cacheOptions.MaxAgeSeconds);
    }

    private Task WriteErrorAsync(HttpContext http, int status, string message, bool anonymous, bool graphQLResponse, string? code = null)
    {
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        return WriteAsync(http, status, Serialize(result), anonymous, graphQLResponse);
    }

    private static async Task WriteAsync(HttpContext http, int status, byte[] body, bool anonymous, bool graphQLResponse)
    {
        http.Response.StatusCode = status;
        // What a signed-in caller sees may depend on who they are: never kept by a shared cache.
        http.Response.Headers.CacheControl = anonymous ? "no-store" : "private, no-store";
        http.Response.ContentType = ResponseMediaType.ContentType(graphQLResponse);
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}
