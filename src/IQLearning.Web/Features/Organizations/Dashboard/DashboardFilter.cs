namespace IQLearning.Web.Features.Organizations.Dashboard;

/// <summary>The filters of the dashboard and its exports, bound from the query string.</summary>
public sealed record DashboardFilter
{
    public int? Course { get; init; }
    public ProgressStatus? Status { get; init; }
    public bool Overdue { get; init; }
    public string? Q { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>"Overdue only" is the status filter the managers use most; it gets its own checkbox.</summary>
    public ProgressStatus? EffectiveStatus => Status ?? (Overdue ? ProgressStatus.Overdue : null);

    public bool FiltersMembers => Course is not null || EffectiveStatus is not null || !string.IsNullOrWhiteSpace(Q);

    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        if (Course is { } course) parts.Add($"course={course}");
        if (Status is { } status) parts.Add($"status={status}");
        if (Overdue) parts.Add("overdue=true");
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add("q=" + Uri.EscapeDataString(Q));
        if (page is { } p) parts.Add($"page={p}");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
