using Platform.Cli;

return await Commands.RunAsync(args);
