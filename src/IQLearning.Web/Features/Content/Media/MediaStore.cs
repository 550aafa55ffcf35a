using System.Security.Cryptography;

namespace IQLearning.Web.Features.Content.Media;

/// <summary>
/// Keeps uploaded and imported files under their SHA-256 name in the data directory (outside the web root),
/// so the same file is stored once and a name can never point outside the folder.
/// </summary>
public sealed class MediaStore(string directory)
{
    public string Directory { get; } = directory;

    public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(sha256);
        if (File.Exists(path)) return sha256;
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return sha256;
    }

    public Stream? Open(string sha256) => File.Exists(PathOf(sha256)) ? File.OpenRead(PathOf(sha256)) : null;

    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken = default) =>
        File.Exists(PathOf(sha256)) ? await File.ReadAllBytesAsync(PathOf(sha256), cancellationToken) : null;

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not a lower-case SHA-256.", nameof(sha256));
        return Path.Combine(Directory, sha256);
    }
}
