using EnterpriseLedger.Host.Cli;

return await LedgerCli.RunAsync(args);
