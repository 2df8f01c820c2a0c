import { z } from "zod";

export const emailSchema = z
  .string({ error: "Email must be text." })
  .trim()
  .toLowerCase()
  .max(254, "That email is too long.")
  .pipe(z.email("Enter a valid email address."));

export const passwordSchema = z
  .string({ error: "Password must be text." })
  .min(8, "Use at least 8 characters.")
  .max(200, "Use at most 200 characters.");

export const signUpBodySchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: z
    .string({ error: "Name must be text." })
    .trim()
    .min(1, "Enter your name.")
    .max(80, "Use at most 80 characters."),
});
export type SignUpBody = z.infer<typeof signUpBodySchema>;

export const signInBodySchema = z.object({
  email: emailSchema,
  // Sign-in does not apply the sign-up rules: a wrong password is just a wrong password.
  password: z.string().min(1, "Enter your password.").max(200),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

export const sessionUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type SessionUser = z.infer<typeof sessionUserSchema>;
