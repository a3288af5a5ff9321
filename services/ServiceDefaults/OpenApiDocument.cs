using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;

namespace Platform.ServiceDefaults;

/// <summary>
/// The HTTP/JSON face of a service's contract as OpenAPI, generated from the google.api.http rules
/// and the .proto comments (carried into the generated code's XML documentation). Anonymous, like
/// reflection: a contract is public, its data is not.
/// </summary>
public static class OpenApiDocument
{
    public const string Name = "v1";

    /// <summary>Where the document is served: Swashbuckle's default route.</summary>
    public const string Path = "/swagger/v1/swagger.json";

    private const string ContractDocumentation = "Platform.Protos.xml";

    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services, string serviceName)
    {
        services.AddGrpcSwagger();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(Name, new OpenApiInfo
            {
                Title = serviceName,
                Version = Name,
                Description = "gRPC JSON transcoding of the service's reads and department pushes. Send 'Authorization: Bearer <token>'.",
            });
            o.AddSecurityDefinition("bearer", new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT" });
            o.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
            var documentation = System.IO.Path.Combine(AppContext.BaseDirectory, ContractDocumentation);
            if (File.Exists(documentation))
            {
                o.IncludeXmlComments(documentation);
                o.IncludeGrpcXmlComments(documentation, includeControllerXmlComments: true);
            }
        });
        return services;
    }

    public static WebApplication MapPlatformOpenApi(this WebApplication app)
    {
        app.MapSwagger().AllowAnonymous();
        return app;
    }
}
