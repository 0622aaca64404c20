// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
export {default as PdfExportButton, PdfMenuText} from './pdf_export_button';
export {default as ExportPanel} from './export_panel';
export {exportStore} from './export_store';
export {fileSharingEnabled} from './use_pdf_export';
