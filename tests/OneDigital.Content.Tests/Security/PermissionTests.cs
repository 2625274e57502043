using OneDigital.Content.Security;

namespace OneDigital.Content.Tests.Security;

public class PermissionTests
{
    [Test]
    public void A_permission_is_granted_by_the_permissions_that_imply_it_transitively()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Permissions.ExecuteGraphQL.GrantingNames(), Does.Contain("ExecuteGraphQLMutations"));
            Assert.That(Permissions.ExecuteGraphQLMutations.GrantingNames(), Does.Not.Contain("ExecuteGraphQL"));
            Assert.That(Permissions.EditOwnContent.GrantingNames(), Is.SupersetOf(new[] { "EditContent", "PublishOwnContent", "PublishContent" }));
            Assert.That(Permissions.EditContent.GrantingNames(), Does.Not.Contain("EditOwnContent"));
            Assert.That(Permissions.ViewOwnContent.GrantingNames(), Is.SupersetOf(new[] { "ViewContent", "EditContent" }));
            Assert.That(Permissions.ExecuteApiAll.GrantingNames(), Does.Contain("ManageQueries"));
            Assert.That(Permissions.ManageMedia.GrantingNames(), Does.Contain("ManageOwnMediaContent"));
        });
    }

    [Test]
    public void Granting_names_are_compared_ignoring_case()
    {
        Assert.That(Permissions.ExecuteGraphQL.GrantingNames().Contains("executegraphqlmutations"), Is.True);
    }

    [Test]
    public void A_per_type_permission_is_implied_by_its_general_permission_and_by_the_stronger_per_type_ones()
    {
        var editOwnArticle = ContentTypePermissions.ForType(Permissions.EditOwnContent, "Article")!;

        Assert.Multiple(() =>
        {
            Assert.That(editOwnArticle.Name, Is.EqualTo("EditOwn_Article"));
            Assert.That(editOwnArticle.GrantingNames(), Is.SupersetOf(new[]
            {
                "Edit_Article", "PublishOwn_Article", "Publish_Article", "EditOwnContent", "EditContent", "PublishContent",
            }));
            Assert.That(editOwnArticle.GrantingNames(), Has.None.EqualTo("Edit_Page"));
        });
    }

    [Test]
    public void A_per_type_permission_name_reads_back_into_its_permission_and_type()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ContentTypePermissions.TryParse("View_Blog_Post", out var view, out var type), Is.True);
            Assert.That(type, Is.EqualTo("Blog_Post"));
            Assert.That(view!.GrantingNames(), Does.Contain("ViewContent"));
            Assert.That(ContentTypePermissions.TryParse("ExecuteApi_RecentPosts", out _, out _), Is.False);
            Assert.That(ContentTypePermissions.TryParse("Edit_", out _, out _), Is.False);
        });
    }
}
