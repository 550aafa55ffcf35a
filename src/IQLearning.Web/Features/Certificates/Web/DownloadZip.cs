using System.IO.Compression;
using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Certificates.Web;

/// <summary>
/// Many certificates as one ZIP of their stored PDFs (after a bulk issue, or for a search result), each named by its
/// number. The bytes are the issued ones, so every file still matches the hash on the verification page.
/// </summary>
public sealed class DownloadZip(AppDbContext db)
{
    public const int MaxCertificates = 1000;

    public async Task<CertificateFile?> ZipAsync(IEnumerable<string> numbers, CancellationToken cancellationToken)
    {
        var wanted = numbers.Select(CertificateNumber.Normalize).OfType<string>().Distinct().Take(MaxCertificates).ToList();
        if (wanted.Count == 0) return null;

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            // Fifty at a time, so a thousand PDFs are never all loaded from the database at once.
            foreach (var chunk in wanted.Chunk(50))
            {
                var pdfs = await db.Certificates.AsNoTracking().Where(c => chunk.Contains(c.Number) && c.Pdf != null)
                    .OrderBy(c => c.Number).Select(c => new { c.Number, c.Pdf, c.IssuedAt }).ToListAsync(cancellationToken);
                foreach (var pdf in pdfs)
                {
                    // PDFs are compressed already; storing them keeps the ZIP fast to make.
                    var entry = archive.CreateEntry(pdf.Number + ".pdf", CompressionLevel.NoCompression);
                    entry.LastWriteTime = new DateTimeOffset(pdf.IssuedAt);
                    await using var stream = entry.Open();
                    await stream.WriteAsync(pdf.Pdf!, cancellationToken);
                }
            }
        }
        return new CertificateFile(zip.ToArray(), "application/zip", "certificates.zip");
    }
}
