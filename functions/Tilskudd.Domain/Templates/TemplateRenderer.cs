using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Fluid;
using Fluid.Values;
using Tilskudd.Domain.Text;
using Tilskudd.Domain.Time;

namespace Tilskudd.Domain.Templates;

/// <summary>
/// Renders the nb-NO mail and letter templates embedded in this assembly. Pure: the same template
/// and model give the same text. The model is flat text, as it travels in effects and activities:
/// amounts as whole kroner ("45000"), dates as ISO dates or instants ("2024-04-15",
/// "2024-04-02T10:00:00+02:00"), lists as lines separated by "\n". Templates format them with the
/// <c>kroner</c>, <c>dato</c> and <c>lines</c> filters ("kr 45 000", "15. april 2024"; instants as their Oslo date).
/// A template that reads a value the model lacks fails, so a missing field never becomes a blank in a letter.
/// </summary>
public static class TemplateRenderer
{
    const string ResourcePrefix = "Tilskudd.Domain.Templates.Files.";

    static readonly FluidParser Parser = new();
    static readonly TemplateOptions Options = CreateOptions();
    static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);

    public static bool Exists(string templateId) =>
        typeof(TemplateRenderer).Assembly.GetManifestResourceInfo(ResourcePrefix + templateId + ".liquid") is not null;

    /// <exception cref="ArgumentException">No template has that id.</exception>
    /// <exception cref="InvalidOperationException">The template reads a value the model does not have.</exception>
    public static RenderedMail Render(string templateId, IReadOnlyDictionary<string, string> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var template = Parsed.GetOrAdd(templateId, Parse);
        var context = new TemplateContext(Options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        string text;
        try
        {
            // Plain text: HTML encoding is done once, for the HTML body.
            text = template.Render(context, NullEncoder.Default).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (FluidException e)
        {
            throw new InvalidOperationException($"Template '{templateId}' could not be rendered: {e.Message}", e);
        }

        int firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstBreak < 0)
        {
            throw new InvalidOperationException($"Template '{templateId}' has no body: its first line is the subject, then a blank line, then the body.");
        }

        string subject = text[..firstBreak].Trim();
        string body = CollapseBlankLines(text[(firstBreak + 1)..]).Trim('\n') + "\n";
        return new RenderedMail(subject, body, Html(subject, body));
    }

    static IFluidTemplate Parse(string templateId)
    {
        using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream(ResourcePrefix + templateId + ".liquid")
            ?? throw new ArgumentException($"No mail template '{templateId}'.", nameof(templateId));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string source = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        return Parser.TryParse(source, out var template, out string? error)
            ? template
            : throw new InvalidOperationException($"Template '{templateId}' does not parse: {error}");
    }

    static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            StrictVariables = true,
            StrictFilters = true,
            CultureInfo = CultureInfo.InvariantCulture,
            Trimming = TrimmingFlags.TagLeft | TrimmingFlags.TagRight,
            Greedy = false,
        };
        options.Filters.AddFilter("kroner", (input, _, _) => new StringValue(NorwegianFormat.Kroner(ParseAmount(input.ToStringValue()))));
        options.Filters.AddFilter("dato", (input, _, _) => new StringValue(NorwegianFormat.Date(ParseDate(input.ToStringValue()))));
        options.Filters.AddFilter("lines", (input, _, _) => new ArrayValue(
            input.ToStringValue().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => (FluidValue)new StringValue(l)).ToList()));
        return options;
    }

    static long ParseAmount(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long amount)
            ? amount
            : throw new InvalidOperationException($"'{text}' is not an amount in whole kroner.");

    /// <summary>An ISO date is a Norwegian calendar date; an instant is shown as its date in Oslo.</summary>
    static DateOnly ParseDate(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? OsloTime.DateOf(instant)
            : throw new InvalidOperationException($"'{text}' is not an ISO date or instant.");
    }

    /// <summary>Conditional blocks may leave runs of blank lines; a letter has at most one between paragraphs.</summary>
    static string CollapseBlankLines(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd());
        var kept = new List<string>();
        foreach (string line in lines)
        {
            if (line.Length == 0 && kept.Count > 0 && kept[^1].Length == 0)
            {
                continue;
            }

            kept.Add(line);
        }

        return string.Join('\n', kept);
    }

    /// <summary>The text body as HTML: paragraphs at blank lines, line breaks kept, everything encoded.</summary>
    static string Html(string subject, string body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"nb\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(Encode(subject))
            .Append("</title></head>\n<body>\n");
        foreach (string paragraph in body.Trim('\n').Split("\n\n"))
        {
            html.Append("<p>")
                .Append(string.Join("<br>\n", paragraph.Split('\n').Select(Encode)))
                .Append("</p>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Only the characters HTML needs escaped; the page is UTF-8, so "ø" stays "ø".</summary>
    static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
