import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "packages/shared/drizzle/**", ".matchday/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-console": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@matchday/shared/src/*"], message: "import from @matchday/shared" },
          ],
        },
      ],
    },
  },
  {
    // Services never import each other: they share only @matchday/shared (and @matchday/model).
    files: ["services/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@matchday/scheduler",
                "@matchday/sync",
                "@matchday/ml",
                "@matchday/predictions",
                "@matchday/analytics",
                "@matchday/etl",
                "@matchday/cli",
              ],
              message: "services never import each other",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/cli/**/*.ts", "bench/**/*.ts", "**/*.test.ts", "test/**/*.ts"],
    rules: { "no-console": "off" },
  },
);
