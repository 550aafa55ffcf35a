using IQLearning.Tests.Support;

namespace IQLearning.Tests.Cluster;

/// <summary>
/// A test of several app processes on one PostgreSQL and Redis: it runs in the PostgreSQL pass of tests/run
/// (IQL_TEST_PROVIDER=Postgres with the servers of tests/services.sh), and is skipped in the SQLite pass.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (TestDatabase.RequestedProvider != "Postgres")
            Skip = "Cluster tests run in the PostgreSQL pass (IQL_TEST_PROVIDER=Postgres, see tests/run).";
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("IQL_TEST_REDIS")))
            Skip = "Cluster tests need Redis (IQL_TEST_REDIS, see tests/services.sh).";
    }
}
