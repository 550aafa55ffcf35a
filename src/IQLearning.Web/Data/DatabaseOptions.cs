using System.ComponentModel.DataAnnotations;

namespace IQLearning.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default) or Postgres.</summary>
    [Required, RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Empty means the SQLite file App_Data/iqlearning.db under the data directory.</summary>
    public string? ConnectionString { get; set; }
}
