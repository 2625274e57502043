// Why: the mail settings are checked when the site starts, so a typo in the SMTP section stops it with the key's
// name instead of failing the first password reset.
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneDigital.Content.Configuration;

namespace OneDigital.Content.Mail;

public static class MailServices
{
    public static IServiceCollection AddOneDigitalMail(this IServiceCollection services)
    {
        const string section = MailOptions.Section;
        services.AddSettings<MailOptions>(section)
            .Validate(o => MailboxAddress.TryParse(o.FromAddress, out var a) && a.Address.Contains('@', StringComparison.Ordinal),
                $"{section}:FromAddress must be an email address")
            .Validate(o => !string.IsNullOrWhiteSpace(o.PickupDirectory), $"{section}:PickupDirectory must not be empty")
            .Validate(o => string.IsNullOrWhiteSpace(o.Smtp.Host) || o.Smtp.Port is > 0 and <= 65535,
                $"{section}:Smtp:Port must be between 1 and 65535")
            .Validate(o => Enum.IsDefined(o.Smtp.Security), $"{section}:Smtp:Security must be None, StartTls or SslOnConnect")
            .Validate(o => string.IsNullOrEmpty(o.Smtp.Password) || !string.IsNullOrEmpty(o.Smtp.UserName),
                $"{section}:Smtp:UserName must be set when {section}:Smtp:Password is");
        services.AddSingleton<MailSender>();
        return services;
    }
}
