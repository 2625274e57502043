// Why: the content type pages link to each other; their addresses are written once.
namespace OneDigital.Admin.ContentTypes;

public static class ContentTypeLinks
{
    public const string List = "/admin/content-types";

    public const string New = "/admin/content-types/new";

    public static string Edit(string type) => $"{List}/{Uri.EscapeDataString(type)}";

    public static string Remove(string type) => $"{Edit(type)}/remove";

    public static string NewField(string type) => $"{Edit(type)}/fields/new";

    public static string Field(string type, string field) => $"{Edit(type)}/fields/{Uri.EscapeDataString(field)}";
}
