using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IQLearning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class S3Organizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrollments_AssignmentId",
                table: "Enrollments");

            migrationBuilder.CreateTable(
                name: "CertificateExpiryReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateId = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateExpiryReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificateExpiryReminders_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotificationSettings",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    OptionalAssignmentReminders = table.Column<bool>(type: "INTEGER", nullable: false),
                    OptionalExpiryReminders = table.Column<bool>(type: "INTEGER", nullable: false),
                    ManagerDigest = table.Column<bool>(type: "INTEGER", nullable: false),
                    OptionalEscalations = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationSettings", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_NotificationSettings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Enrollments_OrganizationReport",
                table: "Enrollments",
                columns: new[] { "AssignmentId", "Source", "CourseItemId", "Status", "UserId", "DueAt", "CompletedAt", "LastActivityAt" },
                filter: "\"AssignmentId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_EnrollmentValidity",
                table: "Certificates",
                columns: new[] { "EnrollmentId", "IssuedAt", "RevokedAt", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ExpiresAt",
                table: "Certificates",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateExpiryReminders_CertificateId_DaysBefore",
                table: "CertificateExpiryReminders",
                columns: new[] { "CertificateId", "DaysBefore" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificateExpiryReminders");

            migrationBuilder.DropTable(
                name: "NotificationSettings");

            migrationBuilder.DropIndex(
                name: "IX_Enrollments_OrganizationReport",
                table: "Enrollments");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_EnrollmentValidity",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_ExpiresAt",
                table: "Certificates");

            migrationBuilder.CreateIndex(
                name: "IX_Enrollments_AssignmentId",
                table: "Enrollments",
                column: "AssignmentId");
        }
    }
}
