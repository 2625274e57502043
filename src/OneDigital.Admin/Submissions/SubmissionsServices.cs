// Why: the review logic lives in Content (it writes items and a document in one transaction); the admin registers it.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Submissions;

namespace OneDigital.Admin.Submissions;

internal static class SubmissionsServices
{
    public static IServiceCollection AddAdminSubmissions(this IServiceCollection services) =>
        services.AddScoped<LearningSubmissionReviews>();
}
