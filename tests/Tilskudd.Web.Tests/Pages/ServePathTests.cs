using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tilskudd.Api;

namespace Tilskudd.Web.Tests.Pages;

/// <summary>The one-function way to serve the pages (the Functions host's catch-all route) finds the same files as the mapped routes.</summary>
public sealed class ServePathTests
{
    [Theory]
    [InlineData("", "text/html; charset=utf-8")]
    [InlineData("runder/alta-2027", "text/html; charset=utf-8")]
    [InlineData("/runder/alta-2027/sok", "text/html; charset=utf-8")]
    [InlineData("kvittering/ALT-2027-0001", "text/html; charset=utf-8")]
    [InlineData("ressurser/sok.js", "text/javascript; charset=utf-8")]
    [InlineData("ressurser/tilskudd.css", "text/css; charset=utf-8")]
    [InlineData("mine-soknader", "text/html; charset=utf-8")]
    [InlineData("saksbehandling", "text/html; charset=utf-8")]
    [InlineData("saksbehandling/runder/alta-2027", "text/html; charset=utf-8")]
    [InlineData("saksbehandling/runder/alta-2027/vedtaksmote", "text/html; charset=utf-8")]
    [InlineData("saksbehandling/saker/ALT-2027-0001", "text/html; charset=utf-8")]
    [InlineData("ressurser/saksbehandling.js", "text/javascript; charset=utf-8")]
    public void A_page_path_is_served_with_its_content_type_and_the_security_headers(string path, string contentType)
    {
        var context = new DefaultHttpContext();
        var result = Assert.IsType<FileContentHttpResult>(ApplicantPages.ServePath(context, path));
        Assert.Equal(contentType, result.ContentType);
        Assert.Contains("frame-ancestors 'none'", context.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
    }

    [Theory]
    [InlineData("runder")]
    [InlineData("runder/alta-2027/sok/mer")]
    [InlineData("ressurser/finnes-ikke.js")]
    [InlineData("ressurser/../Tilskudd.Api.dll")]
    [InlineData("api/rounds")]
    public void Anything_else_is_not_found(string path) =>
        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsType<ProblemHttpResult>(ApplicantPages.ServePath(new DefaultHttpContext(), path)).StatusCode);
}
