// Why: the site's plain-English word list is a setting: a header entry for those who manage settings.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Writing;

internal sealed class WritingMenuItem : IAdminMenuItem
{
    public string Text => "Word list";

    public string Href => WordListModel.Path;

    public Permission Permission => Permissions.ManageSettings;

    public int Order => 85;
}
