return await OneDigital.Web.OneDigitalHost.RunAsync(args, OneDigital.Web.HostConsole.System);
