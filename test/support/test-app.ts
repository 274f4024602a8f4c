/** The simulated Lark app used by every test (the simulator and the bot share these). */
export const TEST_APP = {
  appId: 'cli_7e57a1b2c3d4e5f6',
  appSecret: 'test-secret',
  encryptKey: 'test-encrypt-key',
  verificationToken: 'test-verification-token',
};
