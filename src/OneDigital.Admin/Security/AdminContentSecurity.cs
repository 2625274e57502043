// Why: the site's default policy forbids everything (its answers are data); the admin is pages that load their own
// scripts and styles and post forms to themselves, and nothing from anywhere else. The admin sets the header itself,
// which the site's security headers then leave alone.
namespace OneDigital.Admin.Security;

internal static class AdminContentSecurity
{
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
}
