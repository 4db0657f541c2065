using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Tilskudd.Api.Cases;
using Tilskudd.Domain.Cases;

namespace Tilskudd.Api.Tests.Cases;

public sealed class ActorHeadersTests
{
    static HttpRequest Request(string environment)
    {
        var services = new ServiceCollection().AddSingleton<IHostEnvironment>(new Environment(environment)).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Headers[ActorHeaders.RoleHeader] = "caseworker";
        context.Request.Headers[ActorHeaders.UserHeader] = "sb1";
        return context.Request;
    }

    [Fact]
    public void In_development_the_headers_say_who_acts() =>
        Assert.Equal(new Actor(ActorRole.Caseworker, "sb1"), ActorHeaders.From(Request(Environments.Development)));

    [Fact]
    public void Outside_development_nobody_is_believed_on_a_header_alone() =>
        Assert.Null(ActorHeaders.From(Request(Environments.Production)));

    sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Tilskudd";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
