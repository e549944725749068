import { z } from "zod";

export const SIGN_IN_FIELDS = ["email", "password"] as const;

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(320, "Email address must be 320 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
  password: z.string().min(1, "Enter your password").max(200, "Password must be 200 characters or fewer"),
});

export type SignInInput = z.infer<typeof signInSchema>;
