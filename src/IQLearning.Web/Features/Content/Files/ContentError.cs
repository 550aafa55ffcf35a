using System.Diagnostics.CodeAnalysis;

namespace IQLearning.Web.Features.Content.Files;

/// <summary>
/// One problem in the content files. <see cref="File"/> is relative to the content folder with forward slashes;
/// <see cref="Line"/> is 1-based, 0 when the problem concerns the file as a whole (missing, unreadable, unexpected);
/// <see cref="Field"/> is the front matter path (<c>certificate.pass_mark</c>, <c>modules[0].lessons[1]</c>), or empty.
/// </summary>
public sealed record ContentError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}{(Field.Length > 0 ? $" {Field}" : "")}: {Message}";
}

/// <summary>Either a whole, valid package or every error found: never a partial package.</summary>
public sealed class ContentReadResult
{
    private ContentReadResult(ContentPackage? package, IReadOnlyList<ContentError> errors) =>
        (Package, Errors) = (package, errors);

    public ContentPackage? Package { get; }
    public IReadOnlyList<ContentError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Package))]
    public bool Succeeded => Package is not null;

    public static ContentReadResult Success(ContentPackage package) => new(package, []);

    public static ContentReadResult Failure(IReadOnlyList<ContentError> errors) =>
        errors.Count > 0 ? new(null, errors) : throw new ArgumentException("A failure needs at least one error.", nameof(errors));
}
