using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProposalsAndConsentInTheirOwnHands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnsweredAt",
                table: "Proposals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredBy",
                table: "Proposals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AnsweredThemselves",
                table: "Proposals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "GivenAt",
                table: "Consents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "GivenThemselves",
                table: "Consents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SharesEmail",
                table: "Consents",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SharesPhone",
                table: "Consents",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "Consents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "Consents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WithdrawnThemselves",
                table: "Consents",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "AnsweredBy",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "AnsweredThemselves",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "GivenAt",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "GivenThemselves",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "SharesEmail",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "SharesPhone",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "WithdrawnThemselves",
                table: "Consents");
        }
    }
}
