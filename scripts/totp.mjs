// Prints the current TOTP code for the demo secret (or the secret given as argument). Demo only.
import { generate } from "otplib";

const secret = process.argv[2] ?? "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
console.log(await generate({ secret }));
