namespace IQLearning.Tests.Features.Assessments;

/// <summary>Finds <c>../shared</c> beside the repository root (the folder holding IQLearning.sln).</summary>
internal static class SharedFolder
{
    public static string ConformanceFile(string name)
    {
        var path = Path.Combine(RepositoryRoot(), "..", "shared", "conformance", "gift", name);
        Assert.True(File.Exists(path),
            $"Conformance file {Path.GetFullPath(path)} is missing: the tests expect the shared folder as a sibling of the repository root.");
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "IQLearning.sln"))) return folder.FullName;
        Assert.Fail($"No IQLearning.sln found above {AppContext.BaseDirectory}.");
        return string.Empty;
    }
}
