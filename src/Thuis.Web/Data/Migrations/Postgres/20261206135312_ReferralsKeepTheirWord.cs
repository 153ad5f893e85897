using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReferralsKeepTheirWord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ContactNeeded",
                table: "Referrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SharesEmail",
                table: "Referrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SharesPhone",
                table: "Referrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Referrals sent before this change went out under a consent that named contact among what the
            // organisation receives; they keep showing the phone number and e-mail address.
            migrationBuilder.Sql("UPDATE \"Referrals\" SET \"SharesPhone\" = TRUE, \"SharesEmail\" = TRUE;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContactNeeded",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "SharesEmail",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "SharesPhone",
                table: "Referrals");
        }
    }
}
