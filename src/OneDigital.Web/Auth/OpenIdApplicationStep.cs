using OneDigital.Content.Partners;
using OneDigital.Content.Recipes;

namespace OneDigital.Web.Auth;

/// <summary>
/// Orchard's <c>OpenIdApplication</c> step: creates or updates an application by client id.
/// <code>{ "name": "OpenIdApplication", "ClientId": "partner-site", "DisplayName": "Partner site", "Type": "Confidential",
///   "ClientSecret": "[js: configuration('Partners:Secret')]", "AllowClientCredentialsFlow": true,
///   "RoleEntries": [ { "Name": "PartnerReader" } ] }</code>
/// <c>Roles</c> (an array of names) is accepted in place of <c>RoleEntries</c>. Only client credentials are served;
/// the interactive flows' settings are reported and ignored. A role that does not exist fails the step.
/// </summary>
public sealed class OpenIdApplicationStep(OpenIdApplications applications) : IRecipeStep
{
    private static readonly string[] InteractiveSettings =
    [
        "AllowPasswordFlow", "AllowAuthorizationCodeFlow", "AllowRefreshTokenFlow", "AllowHybridFlow", "AllowImplicitFlow",
        "AllowLogoutEndpoint", "AllowIntrospectionEndpoint", "AllowRevocationEndpoint", "RequireProofKeyForCodeExchange",
    ];

    public IReadOnlyCollection<string> Names { get; } = ["OpenIdApplication"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var model = context.Read<StepModel>(context.Step, "");
        var rolesProperty = context.Get("RoleEntries") is null && context.Get("Roles") is not null ? "Roles" : "RoleEntries";
        var roles = context.Names(rolesProperty);
        foreach (var setting in InteractiveSettings.Where(s => context.Get(s)?.ToJsonString() == "true"))
        {
            context.Warn($"{setting}: only the client-credentials flow is served here; ignored.");
        }
        foreach (var uris in new[] { "RedirectUris", "PostLogoutRedirectUris" }.Where(u => !string.IsNullOrWhiteSpace(context.Get(u)?.ToString())))
        {
            context.Warn($"{uris}: only the client-credentials flow is served here; ignored.");
        }
        if (string.IsNullOrWhiteSpace(model.ClientId))
        {
            throw context.Fail("ClientId", "'ClientId' is missing or empty.");
        }
        try
        {
            await applications.SaveAsync(new OpenIdApplicationRegistration(
                model.ClientId, model.DisplayName, model.Type ?? "Confidential", model.ClientSecret, model.AllowClientCredentialsFlow, roles));
        }
        catch (OpenIdApplicationException ex)
        {
            throw context.Fail(ex.Property == "RoleEntries" ? rolesProperty : ex.Property, ex.Message, ex);
        }
    }

    private sealed class StepModel
    {
        public string? ClientId { get; set; }
        public string? DisplayName { get; set; }
        public string? Type { get; set; }
        public string? ClientSecret { get; set; }
        public bool AllowClientCredentialsFlow { get; set; }
    }
}
