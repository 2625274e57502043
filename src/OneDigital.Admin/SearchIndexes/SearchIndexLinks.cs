namespace OneDigital.Admin.SearchIndexes;

public static class SearchIndexLinks
{
    public const string List = AdminServices.PathPrefix + "/search-indexes";

    public static string Details(string indexName) => $"{List}/{Uri.EscapeDataString(indexName)}";

    public static string Status(string indexName) => $"{Details(indexName)}/status";

    public static string Edit(string indexName) => $"{Details(indexName)}/edit";

    public static string Query(string indexName) => $"{Details(indexName)}/query";
}
