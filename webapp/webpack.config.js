// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Builds dist/main.js, the bundle Mattermost loads (plugin.json webapp.bundle_path).
// Libraries the Mattermost web app already exposes on window are externals, so the plugin renders
// with the host's React, Redux store and react-intl provider rather than private copies.
const path = require('path');

module.exports = (env, argv) => ({
    entry: './src/index.tsx',
    mode: argv.mode || 'production',
    // eval-based devtools are refused by Mattermost's content security policy.
    devtool: false,
    resolve: {
        extensions: ['.tsx', '.ts', '.js'],
        alias: {
            // Mattermost exposes React but not react/jsx-runtime; a createElement-based runtime keeps
            // the bundle independent of React internals (Mattermost 12 moves to React 19).
            'react/jsx-runtime$': path.resolve(__dirname, 'src/jsx_runtime.ts'),
        },
    },
    module: {
        rules: [{
            test: /\.tsx?$/,
            exclude: /node_modules/,
            use: {loader: 'ts-loader', options: {transpileOnly: true, compilerOptions: {noEmit: false}}},
        }],
    },
    externals: {
        react: 'React',
        'react-dom': 'ReactDOM',
        'react-intl': 'ReactIntl',
        redux: 'Redux',
        'react-redux': 'ReactRedux',
        'prop-types': 'PropTypes',
        'react-bootstrap': 'ReactBootstrap',
        'react-router-dom': 'ReactRouterDom',
    },
    output: {
        path: path.join(__dirname, 'dist'),
        filename: 'main.js',
        publicPath: '/',
        clean: true,
    },
    performance: {hints: false},
});
