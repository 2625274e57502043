// Why: reviewing what readers send is regular editorial work, so it is a header entry, for those who may review.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Submissions;

internal sealed record SubmissionsMenuItem() : AdminMenuItem("Submissions", SubmissionsModel.Path, Permissions.ManageSubmissions, 85);
