using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Thuis.Web.Features.Work;

/// <summary>
/// The CV as a Word document (.docx) on A4, in Dutch, holding what the page shows and nothing more: the person edits
/// it further in any word processor before sending it to an employer. Headings are real heading styles, so a screen
/// reader and the navigation pane find the parts.
/// </summary>
public static class CvDocument
{
    private const string Font = "Calibri";

    public static byte[] Write(CurriculumVitae cv)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            document.PackageProperties.Title = $"Cv {cv.Name}";
            document.PackageProperties.Language = "nl-NL";
            var body = new Body();
            body.Append(Heading(cv.Name, 1));
            if (cv.Shows(CvPart.Contact))
            {
                body.Append(Paragraph(string.Join(" · ", new[] { cv.City, cv.Phone, cv.Email }.OfType<string>())));
            }
            if (cv.Profile is not null)
            {
                body.Append(Heading("Over mij", 2));
                foreach (var line in cv.Profile.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    body.Append(Paragraph(line));
                }
            }
            if (cv.Shows(CvPart.Work))
            {
                body.Append(Heading(CvWords.Title(CvPart.Work), 2));
                foreach (var job in cv.Work)
                {
                    body.Append(Item(CvWords.Capitalised(job.Title), CvWords.Job(job)));
                }
            }
            if (cv.Shows(CvPart.Education) && cv.Education is { } education)
            {
                body.Append(Heading(CvWords.Title(CvPart.Education), 2));
                if (CvWords.EducationTitle(education) is { Length: > 0 } title)
                {
                    body.Append(Item(title, CvWords.Education(education)));
                }
                foreach (var diploma in education.Diplomas)
                {
                    body.Append(Item(CvWords.Capitalised(diploma.Name), CvWords.Diploma(diploma)));
                }
            }
            if (cv.Shows(CvPart.Languages))
            {
                body.Append(Heading(CvWords.Title(CvPart.Languages), 2));
                foreach (var language in cv.Languages)
                {
                    body.Append(Item(language.Name, CvWords.Language(language)));
                }
            }
            if (cv.Shows(CvPart.Skills))
            {
                body.Append(Heading(CvWords.Title(CvPart.Skills), 2));
                foreach (var (label, text) in SkillLines(cv.Skills))
                {
                    body.Append(Item(label, text));
                }
            }
            if (cv.Shows(CvPart.Volunteering))
            {
                body.Append(Heading(CvWords.Title(CvPart.Volunteering), 2));
                foreach (var activity in cv.Volunteering)
                {
                    body.Append(Item(activity.What, CvWords.Activity(activity)));
                }
                if (cv.Giving.Count > 0)
                {
                    body.Append(Item("Wat ik wil geven", string.Join(", ", cv.Giving)));
                }
                if (cv.GivingDescription is not null)
                {
                    body.Append(Paragraph(cv.GivingDescription));
                }
            }
            if (cv.Shows(CvPart.Courses))
            {
                body.Append(Heading(CvWords.Title(CvPart.Courses), 2));
                foreach (var course in cv.Courses)
                {
                    body.Append(Item(course.Name, CvWords.Course(course)));
                }
                foreach (var offer in cv.CourseOffers)
                {
                    body.Append(Item(offer.What, CvWords.Activity(offer)));
                }
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The lines of "Vaardigheden en talenten" with their labels, the same on the page.</summary>
    public static IEnumerable<(string Label, string Text)> SkillLines(CvSkills skills)
    {
        if (skills.Skills is { } s)
        {
            yield return ("Vaardigheden", s);
        }
        if (skills.Talents is { } t)
        {
            yield return ("Talenten", t);
        }
        if (skills.KnownFor is { } k)
        {
            yield return ("Waar ik om bekend sta", k);
        }
        if (skills.Hobbies is { } h)
        {
            yield return ("Hobby's", h);
        }
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunProperties(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font },
                    new FontSize { Val = "22" },
                    new Languages { Val = "nl-NL" })),
                new ParagraphPropertiesDefault(new ParagraphProperties(new SpacingBetweenLines { After = "80", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            HeadingStyle("Heading1", "heading 1", 1, "36"),
            HeadingStyle("Heading2", "heading 2", 2, "26"));
        styles.Styles.Save();
    }

    private static Style HeadingStyle(string id, string name, int level, string size) =>
        new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = level == 1 ? "0" : "240", After = "80" },
                new OutlineLevel { Val = level - 1 }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size }, new Color { Val = "1F3864" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };

    private static Paragraph Heading(string text, int level) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), Run(text));

    private static Paragraph Paragraph(string text) => new(Run(text));

    /// <summary>A line with its title in bold, then what it says about it.</summary>
    private static Paragraph Item(string title, string text)
    {
        var paragraph = new Paragraph(new Run(new RunProperties(new Bold()), Text(title)));
        if (text.Length > 0)
        {
            paragraph.Append(Run($" — {text}"));
        }
        return paragraph;
    }

    private static Run Run(string text) => new(Text(text));

    private static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };
}
