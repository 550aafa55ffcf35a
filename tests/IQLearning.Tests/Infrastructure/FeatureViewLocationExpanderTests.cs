using IQLearning.Web.Data;
using IQLearning.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace IQLearning.Tests.Infrastructure;

public sealed class FeatureViewLocationExpanderTests
{
    [Theory]
    [InlineData("IQLearning.Web.Features.Admin", "Admin")]
    [InlineData("IQLearning.Web.Features.Content.Editor", "Content/Editor")]
    [InlineData("IQLearning.Web.Infrastructure.Localization", null)]
    [InlineData(null, null)]
    public void A_controller_finds_its_views_in_its_feature_folder(string? ns, string? feature) =>
        Assert.Equal(feature, FeatureViewLocationExpander.FeatureOf(ns));

    [Fact]
    public void The_default_sqlite_file_lies_in_the_data_directory()
    {
        var cs = new SqliteConnectionStringBuilder(DataServiceCollectionExtensions.SqliteConnectionString(null, "/srv/iql"));
        Assert.Equal("/srv/iql/iqlearning.db", cs.DataSource);
    }

    [Fact]
    public void A_relative_sqlite_file_is_anchored_to_the_data_directory_not_the_working_directory()
    {
        var cs = new SqliteConnectionStringBuilder(DataServiceCollectionExtensions.SqliteConnectionString("Data Source=other.db", "/srv/iql"));
        Assert.Equal("/srv/iql/other.db", cs.DataSource);
    }
}
