using System;
using System.IO;
using Xunit;

namespace ContactCenter.Storage.Sqlite.Tests;

public sealed class SqliteDataFolderTests
{
    [Fact]
    public void The_default_database_lives_in_the_applications_folder_under_local_application_data()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        var path = SqliteDataFolder.DefaultDatabasePath("AcmeContactCentre");
        Assert.Equal(Path.Combine(SqliteDataFolder.For("AcmeContactCentre"), "contactcenter.db"), path);
        Assert.EndsWith(Path.Combine("AcmeContactCentre", "contactcenter.db"), path, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(root))
        {
            Assert.StartsWith(root, path, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("..")]
    [InlineData("a/b")]
    public void Names_that_are_no_folder_name_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => SqliteDataFolder.For(name));
}
