// Why: site administrators find every configuration page in one place, grouped as Orchard's admin groups them,
// and each sees only the pages their permissions open.
using OneDigital.Admin.Navigation;
using OneDigital.Admin.Security;

namespace OneDigital.Admin.Configuration;

public sealed class IndexModel(AdminMenu menu) : AdminPage
{
    public IReadOnlyList<IGrouping<string, AdminMenuItem>> Groups { get; private set; } = [];

    public async Task OnGetAsync() => Groups = AdminMenu.Groups(await menu.ForAsync(User, HttpContext.RequestAborted));
}
