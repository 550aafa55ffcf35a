using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IQLearning.Web.Features.Accounts;

public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name printed on certificates.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>"de" or "en": the language of mails to this person.</summary>
    public string PreferredLanguage { get; set; } = "de";

    public DateTime CreatedAt { get; set; }

    /// <summary>An account set up by an operator (first administrator, command line): its address counts as confirmed.</summary>
    public static ApplicationUser Confirmed(string email, string displayName, DateTime createdAt) => new()
    {
        UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = createdAt,
    };
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PreferredLanguage).HasMaxLength(8);
    }
}
