namespace OneDigital.Web.Tests.GraphQL.Support;

public static class GraphQLSites
{
    /// <summary>Articles (one published, one draft) and roles that let anonymous readers and "Partner" applications query.</summary>
    public static string SetupRecipe =>
        $"--OneDigital:Setup:Recipe={Path.Combine(TestContext.CurrentContext.TestDirectory, "GraphQL", "Recipes", "graphql.recipe.json")}";
}
