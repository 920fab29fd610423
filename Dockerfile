# placeholder: filled by the deployment issue
