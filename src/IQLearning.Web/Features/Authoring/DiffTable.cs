using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Model;

namespace IQLearning.Web.Features.Authoring;

/// <summary>A line diff with the caption that says which versions it compares (_DiffTable.cshtml).</summary>
public sealed record DiffTable(string Caption, IReadOnlyList<DiffLine> Lines);

/// <summary>The body of a version for _RenderedVersion.cshtml.</summary>
public sealed record RenderedVersion(ContentKind Kind, string Language, string Body, string BodyHtml);
