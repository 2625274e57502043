using System.Net;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Account;

/// <summary>Two web nodes on one PostgreSQL database: the setup administrator signs in on either.</summary>
public sealed class PostgresNodesTests
{
    [Test]
    public async Task The_setup_administrator_signs_in_on_each_node_of_a_shared_PostgreSQL_store()
    {
        await using var first = await AdminSite.StartPostgresAsync();
        await using var second = await first.StartOtherNodeAsync();

        using var onFirst = await first.SignedInAdminAsync();
        using var onSecond = await second.SignedInAdminAsync();
        using var dashboard = await onSecond.GetAsync("/admin");

        Assert.That(first.Address, Is.Not.EqualTo(second.Address));
        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
